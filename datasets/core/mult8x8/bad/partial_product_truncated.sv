module TopModule(input [7:0] a, input [7:0] b, output reg [15:0] product);
  integer i;
  reg [7:0] pp;   // too narrow: high bits of the shifted multiplicand are lost
  always @* begin
    product = 16'd0;
    for (i = 0; i < 8; i = i + 1) begin
      pp = b[i] ? (a << i) : 8'd0;
      product = product + pp;
    end
  end
endmodule
