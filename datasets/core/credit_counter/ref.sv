module RefModule(input clk, input reset, input send, input credit_in, output can_send,
                 output reg [2:0] credits);
  wire fire = send && (credits != 3'd0);
  wire [2:0] next = credits - {2'b00, fire} + {2'b00, credit_in};

  always @(posedge clk) begin
    if (reset) credits <= 3'd4;
    else credits <= (next > 3'd4) ? 3'd4 : next;
  end

  assign can_send = (credits != 3'd0);
endmodule
