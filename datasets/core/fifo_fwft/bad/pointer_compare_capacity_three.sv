module TopModule(input clk, input reset, input wr_en, input [7:0] wdata, input rd_en,
                 output [7:0] rdata, output empty, output full, output almost_full,
                 output [2:0] count);
  reg [7:0] mem [0:3];
  reg [1:0] wptr, rptr;
  // flags derived from 2-bit pointers only: one slot can never be used
  wire [1:0] used = wptr - rptr;
  wire [1:0] wnext = wptr + 2'd1;
  assign empty       = (wptr == rptr);
  assign full        = (wnext == rptr);
  assign count       = {1'b0, used};
  assign almost_full = (used >= 2'd3) || full;
  assign rdata       = empty ? 8'h00 : mem[rptr];
  wire do_wr = wr_en && !full;
  wire do_rd = rd_en && !empty;

  always @(posedge clk) begin
    if (reset) begin
      wptr <= 2'd0;
      rptr <= 2'd0;
    end else begin
      if (do_wr) begin
        mem[wptr] <= wdata;
        wptr <= wptr + 2'd1;
      end
      if (do_rd) rptr <= rptr + 2'd1;
    end
  end
endmodule
