module TopModule(input clk, input reset, input send, input credit_in, output can_send,
                 output reg [2:0] credits);
  always @(posedge clk) begin
    if (reset) credits <= 3'd4;
    else if (send && credits != 3'd0) credits <= credits - 3'd1;   // if/else: a credit
    else if (credit_in && credits != 3'd4) credits <= credits + 3'd1; // returned while sending is lost
  end

  assign can_send = (credits != 3'd0);
endmodule
