// rv_p5_div: iterative radix-2 divider for DIV/DIVU/REM/REMU, one quotient bit per cycle.
// In: `start` with op (funct3[1:0]: 0 DIV, 1 DIVU, 2 REM, 3 REMU) and operands; `abort`
// returns it to idle (a flush). The operands must stay stable until `done` (the core keeps
// its ID/EX operand registers up to date during the stall); only the magnitudes are
// captured at start. Out: `done` for one cycle with `result` (RISC-V results for x/0 and
// for -2^31/-1). Latency: 34 cycles from start to done.
module rv_p5_div (
    input             clk,
    input             rst,
    input             start,
    input             abort,
    input      [ 1:0] op,
    input      [31:0] a,
    input      [31:0] b,
    output            busy,
    output            done,
    output reg [31:0] result
);
  localparam [1:0] IDLE = 2'd0, RUN = 2'd1, DONE = 2'd2;
  reg [1:0] state;
  reg [5:0] count;
  reg [31:0] quo;  // shifts in quotient bits while the dividend shifts out
  reg [31:0] rem;
  reg [31:0] divisor;

  wire is_signed = !op[0];
  wire a_neg = is_signed && a[31];
  wire b_neg = is_signed && b[31];
  wire [31:0] a_mag = a_neg ? -a : a;
  wire [31:0] b_mag = b_neg ? -b : b;

  wire [32:0] shifted = {rem, quo[31]};
  wire [32:0] diff = shifted - {1'b0, divisor};
  wire fits = !diff[32];

  always @(posedge clk) begin
    if (rst || abort) begin
      state <= IDLE;
      count <= 6'd0;
      quo <= 32'd0;
      rem <= 32'd0;
      divisor <= 32'd0;
    end else begin
      case (state)
        IDLE:
        if (start) begin
          quo <= a_mag;
          rem <= 32'd0;
          divisor <= b_mag;
          count <= 6'd32;
          state <= RUN;
        end
        RUN: begin
          rem <= fits ? diff[31:0] : shifted[31:0];
          quo <= {quo[30:0], fits};
          count <= count - 6'd1;
          if (count == 6'd1) state <= DONE;
        end
        default: state <= IDLE;  // DONE lasts one cycle
      endcase
    end
  end

  assign busy = state != IDLE;
  assign done = state == DONE;

  // Sign fix-up and the two special cases. Division by zero needs no sign fix: the
  // unsigned loop already yields all ones and the dividend.
  wire by_zero = b == 32'd0;
  wire [31:0] q_signed = (a_neg ^ b_neg) ? -quo : quo;
  wire [31:0] r_signed = a_neg ? -rem : rem;
  always @* begin
    if (!op[1]) begin
`ifdef RTLARENA_BUG_P5_DIV_BY_ZERO
      result = q_signed;  // bug: sign fix applied to x/0, so -5/0 gives 1
`elsif RTLARENA_BUG_P5_DIV_OVERFLOW
      if (by_zero) result = 32'hffff_ffff;
      else if (is_signed && a == 32'h8000_0000 && b == 32'hffff_ffff) result = 32'h7fff_ffff;
      else result = q_signed;
`else
      result = by_zero ? 32'hffff_ffff : q_signed;
`endif
    end else begin
      result = by_zero ? a : r_signed;
    end
  end
endmodule
