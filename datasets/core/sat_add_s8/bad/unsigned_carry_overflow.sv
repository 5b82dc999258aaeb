module TopModule(input [7:0] a, input [7:0] b, output reg [7:0] sum, output reg overflow);
  reg [8:0] s;
  always @* begin
    s = {1'b0, a} + {1'b0, b};
    overflow = s[8];                       // unsigned carry taken as signed overflow
    if (overflow) sum = a[7] ? 8'h80 : 8'h7F;
    else          sum = s[7:0];
  end
endmodule
