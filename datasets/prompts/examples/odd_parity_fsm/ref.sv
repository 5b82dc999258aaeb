module RefModule(input clk, input reset, input valid, input in, output odd);
  reg state;
  always @(posedge clk) begin
    if (reset) state <= 1'b0;
    else if (valid && in) state <= ~state;
  end
  assign odd = state;
endmodule
