// 8-bit counter with synchronous reset and enable: the activity fixture (power follows `en`).
module counter8(input clk, input reset, input en, input [7:0] d, input load, output reg [7:0] q);
  always @(posedge clk)
    if (reset) q <= 8'd0;
    else if (load) q <= d;
    else if (en) q <= q + 8'd1;
endmodule
