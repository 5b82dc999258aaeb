module TopModule(input clk, input reset, input start, input [7:0] dividend, input [7:0] divisor,
                 output reg busy, output reg done, output reg [7:0] quotient,
                 output reg [7:0] remainder);
  reg [8:0] r;
  reg [7:0] q, d;
  reg [3:0] steps;
  wire [8:0] r_sh = {r[7:0], q[7]};
  wire ge = (r_sh >= {1'b0, d});
  wire [8:0] r_nx = ge ? (r_sh - {1'b0, d}) : r_sh;
  wire [7:0] q_nx = {q[6:0], ge};

  always @(posedge clk) begin
    if (reset) begin
      busy <= 1'b0;
      done <= 1'b0;
      quotient <= 8'h00;
      remainder <= 8'h00;
      steps <= 4'd0;
      r <= 9'd0; q <= 8'h00; d <= 8'h00;
    end else begin
      done <= 1'b0;
      if (!busy) begin
        if (start) begin
          busy <= 1'b1;
          r <= 9'd0;
          q <= dividend;
          d <= divisor;
          steps <= 4'd1;               // counter starts at 1: one step too few
        end
      end else begin
        r <= r_nx;
        q <= q_nx;
        steps <= steps + 4'd1;
        if (steps == 4'd7) begin
          busy <= 1'b0;
          done <= 1'b1;
          quotient <= q_nx;
          remainder <= r_nx[7:0];
        end
      end
    end
  end
endmodule
