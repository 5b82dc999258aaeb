module clock_div3 (
    input  wire       clk,
    input  wire       rst_n,
    output wire       tick,
    output reg  [1:0] cnt
);
  assign tick = cnt == 2'd2;
  always @(posedge clk) begin
    if (!rst_n) cnt <= 2'd0;
    else cnt <= tick ? 2'd0 : cnt + 2'd1;
  end
endmodule
