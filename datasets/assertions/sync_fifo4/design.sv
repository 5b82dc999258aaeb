module sync_fifo4 (
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
  reg [7:0] mem [0:3];
  reg [1:0] wr_ptr, rd_ptr;
  wire do_push = push && !full;
  wire do_pop = pop && !empty;
  assign full = count == 3'd4;
  assign empty = count == 3'd0;
  assign dout = mem[rd_ptr];
  always @(posedge clk) begin
    if (!rst_n) begin
      wr_ptr <= 2'd0;
      rd_ptr <= 2'd0;
      count <= 3'd0;
    end else begin
      if (do_push) begin
        mem[wr_ptr] <= din;
        wr_ptr <= wr_ptr + 2'd1;
      end
      if (do_pop) rd_ptr <= rd_ptr + 2'd1;
      count <= count + {2'b0, do_push} - {2'b0, do_pop};
    end
  end
endmodule
