module wb_sram_bridge (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        cyc,
    input  wire        stb,
    input  wire        we,
    input  wire [7:0]  adr,
    input  wire [15:0] dat_i,
    output wire [15:0] dat_o,
    output reg         ack,
    output wire        sram_we,
    output wire [7:0]  sram_addr,
    output wire [15:0] sram_d,
    input  wire [15:0] sram_q
);
  wire start = cyc && stb && !ack;
  assign sram_we = start && we;
  assign sram_addr = adr;
  assign sram_d = dat_i;
  assign dat_o = sram_q;
  always @(posedge clk) begin
    if (!rst_n) ack <= 1'b0;
    else ack <= start;
  end
endmodule
