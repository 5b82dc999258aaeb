// rv_p5_csr: machine-mode CSR file of the 5-stage core, accessed from the MEM stage.
// In: one CSR access (address, funct3 op, source value, whether it writes), trap entry
// (mepc/mcause/mtval values), mret, and whether an instruction retired this cycle. Out: the
// old value of the addressed CSR (combinational) and the mtvec/mepc the pipeline redirects
// to. Legality was decided in ID (rv_p5_decode), so every access reaching here is legal.
// minstret counts instructions leaving MEM without a trap; an explicit write to minstret or
// minstreth replaces that cycle's increment. mcycle counts every cycle.
module rv_p5_csr (
    input             clk,
    input             rst,
    input             access,
    input      [11:0] addr,
    input      [ 1:0] op,        // funct3[1:0]: 01 write, 10 set, 11 clear
    input      [31:0] src,
    input             writes,
    output reg [31:0] rdata,
    input             trap,
    /* verilator lint_off UNUSEDSIGNAL */  // IALIGN=32: mepc[1:0] are always 0
    input      [31:0] trap_epc,
    /* verilator lint_on UNUSEDSIGNAL */
    input      [31:0] trap_cause,
    input      [31:0] trap_tval,
    input             mret,
    input             retired,
`ifdef RTLARENA_BUG_P5_SHADOW_MTVAL
    input             shadow_tval_we,  // only with the bug: a squashed illegal instruction
    input      [31:0] shadow_tval,
`endif
    output     [31:0] mtvec_base,
    output     [31:0] mepc_out
);
  localparam [31:0] MISA = 32'h4000_1100;  // MXL=1, I, M

  reg mie, mpie;
  reg [31:0] mtvec, mscratch, mepc, mcause, mtval;
  reg [63:0] mcycle, minstret;

`ifdef RTLARENA_BUG_P5_MTVEC_LATE
  // bug: traps are vectored through a copy of mtvec registered a cycle late, so a trap right
  // after a write to mtvec goes to the old vector
  reg [31:2] mtvec_q;
  always @(posedge clk) mtvec_q <= rst ? 30'h0000_0040 : mtvec[31:2];
  assign mtvec_base = {mtvec_q, 2'b00};
`else
  assign mtvec_base = {mtvec[31:2], 2'b00};
`endif
  assign mepc_out = mepc;

  always @* begin
    case (addr)
      12'h300: rdata = {19'd0, 2'b11, 3'd0, mpie, 3'd0, mie, 3'd0};
      12'h301: rdata = MISA;
      12'h305: rdata = mtvec;
      12'h340: rdata = mscratch;
      12'h341: rdata = mepc;
      12'h342: rdata = mcause;
      12'h343: rdata = mtval;
      12'hb00: rdata = mcycle[31:0];
      12'hb02: rdata = minstret[31:0];
      12'hb80: rdata = mcycle[63:32];
      12'hb82: rdata = minstret[63:32];
      default: rdata = 32'd0;  // mie, mip, ids, and (only with a bug) unknown addresses
    endcase
  end

  reg [31:0] wdata;
  always @* begin
    case (op)
      2'b01: wdata = src;
      2'b10: wdata = rdata | src;
      default: wdata = rdata & ~src;
    endcase
  end
  wire wr = access && writes;

  always @(posedge clk) begin
    if (rst) begin
      mie <= 1'b0;
      mpie <= 1'b0;
      mtvec <= 32'h0000_0100;
      mscratch <= 32'd0;
      mepc <= 32'd0;
      mcause <= 32'd0;
      mtval <= 32'd0;
      mcycle <= 64'd0;
      minstret <= 64'd0;
    end else begin
      mcycle <= mcycle + 64'd1;
`ifdef RTLARENA_BUG_P5_MINSTRET_CARRY
      if (retired) minstret[31:0] <= minstret[31:0] + 32'd1;  // bug: no carry into minstreth
`else
      if (retired) minstret <= minstret + 64'd1;
`endif
      if (trap) begin
        mepc <= {trap_epc[31:2], 2'b00};
        mcause <= trap_cause;
        mtval <= trap_tval;
        mpie <= mie;
        mie <= 1'b0;
      end else if (mret) begin
        mie <= mpie;
        mpie <= 1'b1;
      end else if (wr) begin
        case (addr)
          12'h300: begin
            mie <= wdata[3];
            mpie <= wdata[7];
          end
          12'h305: mtvec <= {wdata[31:2], 2'b00};
          12'h340: mscratch <= wdata;
          12'h341: mepc <= {wdata[31:2], 2'b00};
          12'h342: mcause <= wdata;
          12'h343: mtval <= wdata;
          12'hb00: mcycle[31:0] <= wdata;
          12'hb80: mcycle[63:32] <= wdata;
          12'hb02: minstret <= {minstret[63:32], wdata};
          12'hb82: minstret <= {wdata, minstret[31:0]};
          default: ;
        endcase
      end
`ifdef RTLARENA_BUG_P5_SHADOW_MTVAL
      if (shadow_tval_we && !trap) mtval <= shadow_tval;  // bug: a squashed trap leaves mtval behind
`endif
    end
  end
endmodule
