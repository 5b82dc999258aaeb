// A 4-bit counter with enable and synchronous reset; wraps from 15 to 0.
module counter (
    input  wire       clk,
    input  wire       rst,
    input  wire       en,
    output reg  [3:0] count,
    output wire       wrap
);
  always @(posedge clk)
    if (rst) count <= 4'd0;
    else if (en) count <= count + 4'd1;
  assign wrap = en && count == 4'd15;
endmodule
