// rtlarena_dut for PicoRV32 (YosysHQ/picorv32, not in this repository: fetch picorv32.v with
// scripts/fetch_picorv32.sh). The adapter contract of docs/CORE_ADAPTER.md: 64 KiB of
// word-addressed memory in `mem`, active-high reset, the RVFI outputs of PicoRV32's
// RISCV_FORMAL port. PicoRV32's valid/ready bus is answered one cycle after each request
// (reads and writes alike); addresses wrap modulo 64 KiB.
// Configuration: RV32IM (ENABLE_MUL, ENABLE_DIV), counters on, illegal instructions and
// misaligned accesses caught (the core then halts: it has no mtvec), no IRQs, no compressed.
`define RISCV_FORMAL
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

  wire        mem_valid;
  wire        mem_instr;
  reg         mem_ready;
  wire [31:0] mem_addr;
  wire [31:0] mem_wdata;
  wire [ 3:0] mem_wstrb;
  reg  [31:0] mem_rdata;
  wire [13:0] idx = mem_addr[15:2];

  always @(posedge clk) begin
    mem_ready <= 1'b0;
    if (!rst && mem_valid && !mem_ready) begin
      mem_ready <= 1'b1;
      mem_rdata <= mem[idx];
      if (mem_wstrb[0]) mem[idx][7:0] <= mem_wdata[7:0];
      if (mem_wstrb[1]) mem[idx][15:8] <= mem_wdata[15:8];
      if (mem_wstrb[2]) mem[idx][23:16] <= mem_wdata[23:16];
      if (mem_wstrb[3]) mem[idx][31:24] <= mem_wdata[31:24];
    end
  end

  /* verilator lint_off PINMISSING */
  picorv32 #(
      .ENABLE_COUNTERS(1),
      .ENABLE_COUNTERS64(1),
      .ENABLE_REGS_16_31(1),
      .ENABLE_REGS_DUALPORT(1),
      .COMPRESSED_ISA(0),
      .CATCH_MISALIGN(1),
      .CATCH_ILLINSN(1),
      .ENABLE_MUL(1),
      .ENABLE_DIV(1),
      .ENABLE_IRQ(0),
      .PROGADDR_RESET(32'h0000_0000)
  ) core (
      .clk(clk),
      .resetn(!rst),
      .trap(),
      .mem_valid(mem_valid),
      .mem_instr(mem_instr),
      .mem_ready(mem_ready),
      .mem_addr(mem_addr),
      .mem_wdata(mem_wdata),
      .mem_wstrb(mem_wstrb),
      .mem_rdata(mem_rdata),
      .pcpi_wr(1'b0),
      .pcpi_rd(32'd0),
      .pcpi_wait(1'b0),
      .pcpi_ready(1'b0),
      .irq(32'd0),
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
  /* verilator lint_on PINMISSING */
endmodule
