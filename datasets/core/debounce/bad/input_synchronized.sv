module TopModule(input clk, input reset, input in, output reg out);
  // an extra input flip-flop delays every decision by one cycle
  reg in_q;
  reg [1:0] cnt;
  always @(posedge clk) begin
    if (reset) begin
      in_q <= 1'b0; cnt <= 2'd0; out <= 1'b0;
    end else begin
      in_q <= in;
      if (in_q == out) cnt <= 2'd0;
      else if (cnt == 2'd3) begin
        out <= in_q; cnt <= 2'd0;
      end else cnt <= cnt + 2'd1;
    end
  end
endmodule
