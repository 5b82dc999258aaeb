module TopModule(input clk, input reset, input [7:0] duty, output pwm);
  reg [7:0] cnt, duty_q;
  always @(posedge clk) begin
    if (reset) begin
      cnt <= 8'd0; duty_q <= duty;
    end else begin
      cnt <= cnt + 8'd1;
      if (cnt == 8'd0) duty_q <= duty;   // one cycle late: period's first cycle uses old duty
    end
  end
  assign pwm = (cnt < duty_q);
endmodule
