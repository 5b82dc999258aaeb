// A request/acknowledge responder: a request seen while idle is acknowledged for one cycle,
// three cycles later. Active-low reset.
module handshake (
    input  wire clk,
    input  wire rst_n,
    input  wire req,
    output wire ack,
    output wire busy
);
  localparam IDLE = 2'd0, WAIT1 = 2'd1, WAIT2 = 2'd2, ACK = 2'd3;
  reg [1:0] state;
  always @(posedge clk)
    if (!rst_n) state <= IDLE;
    else case (state)
      IDLE: if (req) state <= WAIT1;
      WAIT1: state <= WAIT2;
      WAIT2: state <= ACK;
      default: state <= IDLE;
    endcase
  assign ack = state == ACK;
  assign busy = state != IDLE;
endmodule
