module TopModule(input clk, input reset, input in, output reg out);
  reg [1:0] hist;
  always @(posedge clk) begin
    if (reset) begin
      hist <= 2'b00; out <= 1'b0;
    end else begin
      if (hist == {2{in}}) out <= in;
      hist <= {hist[0], in};
    end
  end
endmodule
