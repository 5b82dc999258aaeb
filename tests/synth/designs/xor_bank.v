// 16 XOR gates between two buses: combinational, power proportional to input toggling.
module xor_bank(input [15:0] a, input [15:0] b, output [15:0] y);
  assign y = a ^ b;
endmodule
