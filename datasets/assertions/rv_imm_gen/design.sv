module rv_imm_gen (
    input  wire        clk,
    input  wire        rst_n,
    input  wire [31:0] instr,
    output reg  [31:0] imm
);
  wire [6:0] opcode = instr[6:0];
  reg [31:0] v;
  always @* begin
    case (opcode)
      7'b0010011, 7'b0000011, 7'b1100111: v = {{20{instr[31]}}, instr[31:20]};
      7'b0100011: v = {{20{instr[31]}}, instr[31:25], instr[11:7]};
      7'b1100011: v = {{19{instr[31]}}, instr[31], instr[7], instr[30:25], instr[11:8], 1'b0};
      7'b0110111, 7'b0010111: v = {instr[31:12], 12'd0};
      7'b1101111: v = {{11{instr[31]}}, instr[31], instr[19:12], instr[20], instr[30:21], 1'b0};
      default: v = 32'd0;
    endcase
  end
  always @(posedge clk) begin
    if (!rst_n) imm <= 32'd0;
    else imm <= v;
  end
endmodule
