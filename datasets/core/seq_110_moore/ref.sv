module RefModule(input clk, input reset, input in, output detect);
  localparam IDLE = 2'd0, ONE = 2'd1, ONE_ONE = 2'd2, FOUND = 2'd3;
  reg [1:0] state;
  always @(posedge clk) begin
    if (reset) state <= IDLE;
    else case (state)
      IDLE:    state <= in ? ONE     : IDLE;
      ONE:     state <= in ? ONE_ONE : IDLE;
      ONE_ONE: state <= in ? ONE_ONE : FOUND;
      default: state <= in ? ONE     : IDLE;   // FOUND
    endcase
  end
  assign detect = (state == FOUND);
endmodule
