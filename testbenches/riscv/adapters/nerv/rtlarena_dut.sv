// rtlarena_dut for NERV (YosysHQ/nerv, not in this repository: fetch nerv.sv with
// scripts/fetch_nerv.sh). The adapter contract of docs/CORE_ADAPTER.md: 64 KiB of
// word-addressed memory in `mem`, active-high reset, the RVFI outputs of NERV's NERV_RVFI port
// (core.json defines NERV_RVFI).
// NERV has two memory ports and expects both to answer one clock after the address: the
// instruction port (imem_addr -> imem_data) and the data port (dmem_valid/addr/wstrb/wdata ->
// dmem_rdata). Both are served from the one array here. The instruction port is write-first:
// a fetch in the same cycle as a store to that word returns the stored bytes, so the
// instruction right after a store that rewrites it executes the new word (self-modifying
// code is coherent). Addresses wrap modulo 64 KiB. stall and irq are tied off.
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

  // only address bits 15:2 select a word (addresses wrap modulo 64 KiB)
  /* verilator lint_off UNUSEDSIGNAL */
  wire [31:0] imem_addr;
  reg  [31:0] imem_data;
  wire        dmem_valid;
  wire [31:0] dmem_addr;
  /* verilator lint_on UNUSEDSIGNAL */
  wire [ 3:0] dmem_wstrb;
  wire [31:0] dmem_wdata;
  reg  [31:0] dmem_rdata;

  wire [13:0] iidx = imem_addr[15:2];
  wire [13:0] didx = dmem_addr[15:2];
  wire [ 3:0] wstrb = dmem_valid ? dmem_wstrb : 4'b0000;

  // The word at didx after this cycle's store: what a write-first port returns.
  wire [31:0] stored = {wstrb[3] ? dmem_wdata[31:24] : mem[didx][31:24],
                        wstrb[2] ? dmem_wdata[23:16] : mem[didx][23:16],
                        wstrb[1] ? dmem_wdata[15:8] : mem[didx][15:8],
                        wstrb[0] ? dmem_wdata[7:0] : mem[didx][7:0]};

  always @(posedge clk) begin
    imem_data <= (wstrb != 4'b0000 && iidx == didx) ? stored : mem[iidx];
    dmem_rdata <= mem[didx];
    if (!rst) begin
      if (wstrb[0]) mem[didx][7:0] <= dmem_wdata[7:0];
      if (wstrb[1]) mem[didx][15:8] <= dmem_wdata[15:8];
      if (wstrb[2]) mem[didx][23:16] <= dmem_wdata[23:16];
      if (wstrb[3]) mem[didx][31:24] <= dmem_wdata[31:24];
    end
  end

  // trap (NERV stopped) is not needed: a trap retires with rvfi_trap = rvfi_halt = 1.
  /* verilator lint_off PINMISSING */
  /* verilator lint_off PINCONNECTEMPTY */
  nerv #(
      .RESET_ADDR(32'h0000_0000),
      .NUMREGS(32)
  ) core (
      .clock(clk),
      .reset(rst),
      .stall(1'b0),
      .trap(),
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
      .rvfi_mem_wdata(rvfi_mem_wdata),
      .imem_addr(imem_addr),
      .imem_data(imem_data),
      .dmem_valid(dmem_valid),
      .dmem_addr(dmem_addr),
      .dmem_wstrb(dmem_wstrb),
      .dmem_wdata(dmem_wdata),
      .dmem_rdata(dmem_rdata),
      .irq(32'd0)
  );
  /* verilator lint_on PINCONNECTEMPTY */
  /* verilator lint_on PINMISSING */
endmodule
