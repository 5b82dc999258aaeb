module watchdog (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       kick,
    output wire       bite,
    output reg  [3:0] timer
);
  assign bite = timer == 4'd0;
  always @(posedge clk) begin
    if (!rst_n) timer <= 4'd10;
    else if (kick) timer <= 4'd10;
    else if (!bite) timer <= timer - 4'd1;
  end
endmodule
