module RefModule(input clk, input reset, input en, input t, output reg q);
  always @(posedge clk) begin
    if (reset) q <= 1'b0;
    else if (en && t) q <= ~q;
  end
endmodule
