module rv_pc_unit (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        stall,
    input  wire        take,
    input  wire [15:0] target,
    output reg  [15:0] pc,
    output wire        misaligned
);
  wire [15:0] tgt = {target[15:1], 1'b0};
  assign misaligned = take && tgt[1];
  always @(posedge clk) begin
    if (!rst_n) pc <= 16'h0100;
    else if (!stall) pc <= take ? tgt : pc + 16'd4;
  end
endmodule
