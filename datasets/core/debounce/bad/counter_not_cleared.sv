module TopModule(input clk, input reset, input in, output reg out);
  // counts samples that differ from out, but forgets to restart the count on a bounce
  reg [1:0] cnt;
  always @(posedge clk) begin
    if (reset) begin
      cnt <= 2'd0; out <= 1'b0;
    end else if (in != out) begin
      if (cnt == 2'd3) begin
        out <= in; cnt <= 2'd0;
      end else cnt <= cnt + 2'd1;
    end
  end
endmodule
