module RefModule(input [7:0] a, input [7:0] b, output reg [7:0] sum, output reg overflow);
  reg signed [8:0] s;
  always @* begin
    s = $signed({a[7], a}) + $signed({b[7], b});
    if (s > 9'sd127) begin
      sum = 8'h7F; overflow = 1'b1;
    end else if (s < -9'sd128) begin
      sum = 8'h80; overflow = 1'b1;
    end else begin
      sum = s[7:0]; overflow = 1'b0;
    end
  end
endmodule
