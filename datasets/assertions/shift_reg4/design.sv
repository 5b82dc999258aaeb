module shift_reg4 (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       en,
    input  wire [7:0] d,
    output wire [7:0] q
);
  reg [7:0] s0, s1, s2, s3;
  assign q = s3;
  always @(posedge clk) begin
    if (!rst_n) begin
      s0 <= 8'd0; s1 <= 8'd0; s2 <= 8'd0; s3 <= 8'd0;
    end else if (en) begin
      s0 <= d; s1 <= s0; s2 <= s1; s3 <= s2;
    end
  end
endmodule
