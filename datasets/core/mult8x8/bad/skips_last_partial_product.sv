module TopModule(input [7:0] a, input [7:0] b, output reg [15:0] product);
  integer i;
  always @* begin
    product = 16'd0;
    for (i = 0; i < 7; i = i + 1)   // b[7] never used
      if (b[i]) product = product + ({8'd0, a} << i);
  end
endmodule
