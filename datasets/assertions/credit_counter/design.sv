module credit_counter (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       send,
    input  wire       credit_in,
    output wire       can_send,
    output reg  [2:0] credits
);
  assign can_send = credits != 3'd0;
  wire do_send = send && can_send;
  wire do_ret = credit_in && credits != 3'd4;
  always @(posedge clk) begin
    if (!rst_n) credits <= 3'd4;
    else credits <= credits - {2'd0, do_send} + {2'd0, do_ret};
  end
endmodule
