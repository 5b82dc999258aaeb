module RefModule(input clk, input reset, input en, output [3:0] g);
  reg [3:0] k;
  always @(posedge clk) begin
    if (reset)   k <= 4'd0;
    else if (en) k <= k + 4'd1;
  end
  assign g = k ^ (k >> 1);
endmodule
