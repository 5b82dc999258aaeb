module fifo_wrapbit (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       wr_en,
    input  wire       rd_en,
    input  wire [3:0] wdata,
    output wire [3:0] rdata,
    output wire       full,
    output wire       empty
);
  reg [3:0] mem [0:7];
  reg [3:0] wp, rp;
  assign empty = wp == rp;
  assign full = (wp[2:0] == rp[2:0]) && (wp[3] != rp[3]);
  assign rdata = mem[rp[2:0]];
  wire [3:0] used = wp - rp;
  always @(posedge clk) begin
    if (!rst_n) begin
      wp <= 4'd0;
      rp <= 4'd0;
    end else begin
      if (wr_en && !full) begin
        mem[wp[2:0]] <= wdata;
        wp <= wp + 4'd1;
      end
      if (rd_en && !empty) rp <= rp + 4'd1;
    end
  end
endmodule
