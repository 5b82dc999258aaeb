// rtlarena_dut for the multi-cycle core: rv_mc_core plus 64 KiB of word-addressed memory
// that serves instruction fetch and data. The contract (ports, memory, reset, RVFI meaning)
// is docs/CORE_ADAPTER.md: a harness writes `mem` directly, holds rst high for >= 2 cycles,
// then clocks and samples the RVFI outputs after each rising edge. Byte address = index*4;
// addresses wrap modulo 64 KiB (only bits 15:2 select a word).
module rtlarena_dut (
    input         clk,
    input         rst,
    output        rvfi_valid,
    output [63:0] rvfi_order,
    output [31:0] rvfi_insn,
    output        rvfi_trap,
    output        rvfi_halt,
    output        rvfi_intr,
    output [ 1:0] rvfi_mode,
    output [ 1:0] rvfi_ixl,
    output [ 4:0] rvfi_rs1_addr,
    output [ 4:0] rvfi_rs2_addr,
    output [31:0] rvfi_rs1_rdata,
    output [31:0] rvfi_rs2_rdata,
    output [ 4:0] rvfi_rd_addr,
    output [31:0] rvfi_rd_wdata,
    output [31:0] rvfi_pc_rdata,
    output [31:0] rvfi_pc_wdata,
    output [31:0] rvfi_mem_addr,
    output [ 3:0] rvfi_mem_rmask,
    output [ 3:0] rvfi_mem_wmask,
    output [31:0] rvfi_mem_rdata,
    output [31:0] rvfi_mem_wdata
);
  reg [31:0] mem[0:16383]  /*verilator public*/;

  /* verilator lint_off UNUSEDSIGNAL */  // only bits 15:2 address the 64 KiB
  wire [31:0] imem_addr;
  reg  [31:0] imem_rdata;
  wire        dmem_en;
  wire [ 3:0] dmem_wstrb;
  wire [31:0] dmem_addr;
  /* verilator lint_on UNUSEDSIGNAL */
  wire [31:0] dmem_wdata;
  reg  [31:0] dmem_rdata;

  wire [13:0] iidx = imem_addr[15:2];
  wire [13:0] didx = dmem_addr[15:2];

  // Synchronous memory: reads return the old word one cycle later; writes take byte strobes.
  always @(posedge clk) begin
    imem_rdata <= mem[iidx];
    if (dmem_en) begin
      dmem_rdata <= mem[didx];
      if (dmem_wstrb[0]) mem[didx][7:0] <= dmem_wdata[7:0];
      if (dmem_wstrb[1]) mem[didx][15:8] <= dmem_wdata[15:8];
      if (dmem_wstrb[2]) mem[didx][23:16] <= dmem_wdata[23:16];
      if (dmem_wstrb[3]) mem[didx][31:24] <= dmem_wdata[31:24];
    end
  end

  rv_mc_core core (
      .clk(clk),
      .rst(rst),
      .imem_addr(imem_addr),
      .imem_rdata(imem_rdata),
      .dmem_en(dmem_en),
      .dmem_wstrb(dmem_wstrb),
      .dmem_addr(dmem_addr),
      .dmem_wdata(dmem_wdata),
      .dmem_rdata(dmem_rdata),
      .rvfi_valid(rvfi_valid),
      .rvfi_order(rvfi_order),
      .rvfi_insn(rvfi_insn),
      .rvfi_trap(rvfi_trap),
      .rvfi_halt(rvfi_halt),
      .rvfi_intr(rvfi_intr),
      .rvfi_mode(rvfi_mode),
      .rvfi_ixl(rvfi_ixl),
      .rvfi_rs1_addr(rvfi_rs1_addr),
      .rvfi_rs2_addr(rvfi_rs2_addr),
      .rvfi_rs1_rdata(rvfi_rs1_rdata),
      .rvfi_rs2_rdata(rvfi_rs2_rdata),
      .rvfi_rd_addr(rvfi_rd_addr),
      .rvfi_rd_wdata(rvfi_rd_wdata),
      .rvfi_pc_rdata(rvfi_pc_rdata),
      .rvfi_pc_wdata(rvfi_pc_wdata),
      .rvfi_mem_addr(rvfi_mem_addr),
      .rvfi_mem_rmask(rvfi_mem_rmask),
      .rvfi_mem_wmask(rvfi_mem_wmask),
      .rvfi_mem_rdata(rvfi_mem_rdata),
      .rvfi_mem_wdata(rvfi_mem_wdata)
  );
endmodule
