module TopModule(input clk, input reset, input in, output reg rise, output reg fall,
                 output reg any_edge);
  // samples the input into a synchronizer first: every pulse comes one cycle late
  reg sync, prev;
  always @(posedge clk) begin
    if (reset) begin
      sync <= 1'b0; prev <= 1'b0; rise <= 1'b0; fall <= 1'b0; any_edge <= 1'b0;
    end else begin
      sync     <= in;
      prev     <= sync;
      rise     <= sync & ~prev;
      fall     <= ~sync & prev;
      any_edge <= sync ^ prev;
    end
  end
endmodule
