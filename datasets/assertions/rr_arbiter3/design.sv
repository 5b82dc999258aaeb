module rr_arbiter3 (
    input  wire       clk,
    input  wire       rst_n,
    input  wire [2:0] req,
    output reg  [2:0] gnt
);
  reg [1:0] last;
  reg [2:0] pick;
  always @* begin
    pick = 3'b000;
    case (last)
      2'd0: pick = req[1] ? 3'b010 : req[2] ? 3'b100 : req[0] ? 3'b001 : 3'b000;
      2'd1: pick = req[2] ? 3'b100 : req[0] ? 3'b001 : req[1] ? 3'b010 : 3'b000;
      default: pick = req[0] ? 3'b001 : req[1] ? 3'b010 : req[2] ? 3'b100 : 3'b000;
    endcase
  end
  always @(posedge clk) begin
    if (!rst_n) begin
      gnt <= 3'b000;
      last <= 2'd2;
    end else begin
      gnt <= pick;
      if (pick[0]) last <= 2'd0;
      else if (pick[1]) last <= 2'd1;
      else if (pick[2]) last <= 2'd2;
    end
  end
endmodule
