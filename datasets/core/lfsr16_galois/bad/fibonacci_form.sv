module TopModule(input clk, input reset, input en, output reg [15:0] q);
  // external-XOR (Fibonacci) register for the same polynomial: a different sequence
  wire fb = q[0] ^ q[2] ^ q[3] ^ q[5];
  always @(posedge clk) begin
    if (reset)   q <= 16'hACE1;
    else if (en) q <= {fb, q[15:1]};
  end
endmodule
