// rv_p5_alu: the EX-stage datapath of the 5-stage core: integer ALU (OP/OP-IMM) and the
// single-cycle 32x32 multiplier (MUL/MULH/MULHSU/MULHU).
// In: funct3, the alternate-op bit (insn[30]: SUB/SRA), whether b is an immediate, whether
// this is a multiply, and the two operands (already forwarded). Out: the 32-bit result.
module rv_p5_alu (
    input      [ 2:0] funct3,
    input             alt,     // insn[30]: SUB for OP add, SRA for shifts right
    input             b_imm,   // b is the I-immediate (no SUB; SRAI still uses alt)
    input             mul,
    input      [31:0] a,
    input      [31:0] b,
    output reg [31:0] y
);
`ifdef RTLARENA_BUG_P5_SHIFT_6BIT
  // bug: six bits of shift amount; amounts 32..63 shift everything out
  wire [5:0] shamt = b_imm ? {1'b0, b[4:0]} : b[5:0];
  wire [31:0] sll_out = shamt[5] ? 32'd0 : a << shamt[4:0];
  wire [31:0] srl_out = shamt[5] ? 32'd0 : a >> shamt[4:0];
  wire [31:0] sra_out = shamt[5] ? {32{a[31]}} : $signed(a) >>> shamt[4:0];
`else
  wire [4:0] shamt = b[4:0];
  wire [31:0] sll_out = a << shamt;
  wire [31:0] srl_out = a >> shamt;
  wire [31:0] sra_out = $signed(a) >>> shamt;
`endif

  // 64-bit products of extended operands; the low 64 bits are right for every signedness
  wire [63:0] a_s = {{32{a[31]}}, a};
  wire [63:0] a_u = {32'd0, a};
  wire [63:0] b_s = {{32{b[31]}}, b};
  wire [63:0] b_u = {32'd0, b};
  /* verilator lint_off UNUSEDSIGNAL */  // MULH* use only the high half
  wire [63:0] p_ss = a_s * b_s;
`ifdef RTLARENA_BUG_P5_MULHSU_SIGN
  wire [63:0] p_su = a_s * b_s;  // bug: rs2 sign-extended as in MULH
`else
  wire [63:0] p_su = a_s * b_u;
`endif
  wire [63:0] p_uu = a_u * b_u;
  /* verilator lint_on UNUSEDSIGNAL */

  always @* begin
    if (mul) begin
      case (funct3[1:0])
        2'd0: y = p_uu[31:0];
        2'd1: y = p_ss[63:32];
        2'd2: y = p_su[63:32];
        default: y = p_uu[63:32];
      endcase
    end else begin
      case (funct3)
        3'd0: y = (alt && !b_imm) ? a - b : a + b;
        3'd1: y = sll_out;
        3'd2: y = {31'd0, $signed(a) < $signed(b)};
        3'd3: y = {31'd0, a < b};
        3'd4: y = a ^ b;
        3'd5: y = alt ? sra_out : srl_out;
        3'd6: y = a | b;
        default: y = a & b;
      endcase
    end
  end
endmodule
