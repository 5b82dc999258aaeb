module lfsr8 (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       en,
    output reg  [7:0] state
);
  wire fb = state[7] ^ state[5] ^ state[4] ^ state[3];
  always @(posedge clk) begin
    if (!rst_n) state <= 8'h01;
    else if (en) state <= {state[6:0], fb};
  end
endmodule
