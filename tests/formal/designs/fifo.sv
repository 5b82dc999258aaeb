// A synchronous FIFO, 4 entries of 8 bits, with an occupancy count. Pushing when full and
// popping when empty are ignored.
module fifo #(parameter DEPTH = 4, parameter AW = 2) (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       push,
    input  wire       pop,
    input  wire [7:0] din,
    output wire [7:0] dout,
    output wire       full,
    output wire       empty,
    output reg  [2:0] count
);
  reg [7:0] mem [0:DEPTH-1];
  reg [AW-1:0] wr_ptr, rd_ptr;
  wire do_push = push && !full;
  wire do_pop = pop && !empty;
  assign full = count == DEPTH;
  assign empty = count == 0;
  assign dout = mem[rd_ptr];
  always @(posedge clk) begin
    if (!rst_n) begin
      wr_ptr <= 0;
      rd_ptr <= 0;
      count <= 0;
    end else begin
      if (do_push) begin
        mem[wr_ptr] <= din;
        wr_ptr <= wr_ptr + 1'b1;
      end
      if (do_pop) rd_ptr <= rd_ptr + 1'b1;
      count <= count + (do_push ? 3'd1 : 3'd0) - (do_pop ? 3'd1 : 3'd0);
    end
  end
endmodule
