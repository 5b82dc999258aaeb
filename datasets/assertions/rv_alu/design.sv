module rv_alu (
    input  wire       clk,
    input  wire       rst_n,
    input  wire [2:0] op,
    input  wire [7:0] a,
    input  wire [7:0] b,
    output reg  [7:0] y,
    output wire       zero
);
  reg [7:0] r;
  always @* begin
    case (op)
      3'd0: r = a + b;
      3'd1: r = a - b;
      3'd2: r = a & b;
      3'd3: r = a | b;
      3'd4: r = a ^ b;
      3'd5: r = {7'd0, $signed(a) < $signed(b)};
      3'd6: r = {7'd0, a < b};
      default: r = b;
    endcase
  end
  assign zero = y == 8'd0;
  always @(posedge clk) begin
    if (!rst_n) y <= 8'd0;
    else y <= r;
  end
endmodule
