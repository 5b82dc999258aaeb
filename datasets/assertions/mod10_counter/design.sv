module mod10_counter (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       en,
    output reg  [3:0] q,
    output wire       tc
);
  assign tc = en && q == 4'd9;
  always @(posedge clk) begin
    if (!rst_n) q <= 4'd0;
    else if (en) q <= (q == 4'd9) ? 4'd0 : q + 4'd1;
  end
endmodule
