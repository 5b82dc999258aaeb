module RefModule(input clk, input reset, input in, output reg out);
  reg [2:0] hist;   // hist[0]: sample at the previous edge, hist[2]: three edges ago
  always @(posedge clk) begin
    if (reset) begin
      hist <= 3'b000; out <= 1'b0;
    end else begin
      if (hist == {3{in}}) out <= in;
      hist <= {hist[1:0], in};
    end
  end
endmodule
