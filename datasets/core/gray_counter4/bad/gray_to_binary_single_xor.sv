module TopModule(input clk, input reset, input en, output reg [3:0] g);
  // keeps the Gray value, converts it back with a single XOR instead of a prefix XOR
  wire [3:0] b    = g ^ (g >> 1);
  wire [3:0] next = b + 4'd1;
  always @(posedge clk) begin
    if (reset)   g <= 4'd0;
    else if (en) g <= next ^ (next >> 1);
  end
endmodule
