module TopModule(input [7:0] a, input [7:0] b, output reg [7:0] sum, output reg overflow);
  reg [7:0] w;
  always @* begin
    w = a + b;
    overflow = (a[7] == b[7]) && (w[7] != a[7]);
    if (overflow) sum = a[7] ? -8'sd127 : 8'sd127;   // symmetric range: clamps to -127
    else          sum = w;
  end
endmodule
