module TopModule(input clk, input reset, input in, output detect);
  localparam IDLE = 2'd0, ONE = 2'd1, ONE_ONE = 2'd2;
  reg [1:0] state;
  always @(posedge clk) begin
    if (reset) state <= IDLE;
    else case (state)
      IDLE:    state <= in ? ONE : IDLE;
      ONE:     state <= in ? ONE_ONE : IDLE;
      default: state <= in ? ONE_ONE : IDLE;
    endcase
  end
  assign detect = (state == ONE_ONE) && !in;   // Mealy: one cycle early
endmodule
