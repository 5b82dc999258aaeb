module TopModule(input clk, input reset, input in, output reg rise, output reg fall,
                 output reg any_edge);
  reg prev;
  always @(posedge clk) begin
    prev <= in;
    if (reset) begin
      rise <= 1'b0; fall <= 1'b0; any_edge <= 1'b0;
    end else begin
      rise     <= in & ~prev;
      fall     <= ~in & prev;
      any_edge <= in ^ prev;
    end
  end
endmodule
