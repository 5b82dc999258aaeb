module TopModule(input clk, input reset, input wr_en, input [7:0] wdata, input rd_en,
                 output [7:0] rdata, output empty, output full, output almost_full,
                 output reg [2:0] count);
  reg [7:0] mem [0:3];
  reg [1:0] wptr, rptr;
  integer i;
  wire do_wr = wr_en && !full;
  wire do_rd = rd_en && !empty;

  always @(posedge clk) begin
    if (reset) begin
      wptr <= 2'd0;
      rptr <= 2'd0;
      count <= 3'd0;
      for (i = 0; i < 4; i = i + 1) mem[i] <= 8'h00;
    end else begin
      if (do_wr) begin
        mem[wptr] <= wdata;
        wptr <= wptr + 2'd1;
      end
      if (do_rd) rptr <= rptr + 2'd1;
      count <= count + {2'd0, do_wr} - {2'd0, do_rd};
    end
  end

  assign empty       = (count == 3'd0);
  assign full        = (count == 3'd4);
  assign almost_full = (count >= 3'd3);
  assign rdata       = mem[rptr];              // shows an old word when empty
endmodule
