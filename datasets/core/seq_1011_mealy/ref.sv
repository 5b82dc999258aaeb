module RefModule(input clk, input reset, input in, output detect);
  localparam S0 = 2'd0, S1 = 2'd1, S10 = 2'd2, S101 = 2'd3;
  reg [1:0] state, next;
  always @* begin
    case (state)
      S0:      next = in ? S1   : S0;
      S1:      next = in ? S1   : S10;
      S10:     next = in ? S101 : S0;
      default: next = in ? S1   : S10;   // S101
    endcase
  end
  always @(posedge clk) begin
    if (reset) state <= S0;
    else       state <= next;
  end
  assign detect = (state == S101) && in;
endmodule
