module RefModule(input [15:0] a, input [15:0] b,
                 output reg lt, output reg eq, output unordered);
  wire a_nan = (a[14:10] == 5'h1F) && (a[9:0] != 10'd0);
  wire b_nan = (b[14:10] == 5'h1F) && (b[9:0] != 10'd0);
  wire both_zero = (a[14:0] == 15'd0) && (b[14:0] == 15'd0);
  assign unordered = a_nan | b_nan;
  always @* begin
    lt = 1'b0;
    eq = 1'b0;
    if (!unordered) begin
      if (both_zero || a == b) eq = 1'b1;
      else if (a[15] != b[15]) lt = a[15];            // the negative one is smaller
      else if (!a[15])         lt = a[14:0] < b[14:0]; // both positive: magnitude order
      else                     lt = a[14:0] > b[14:0]; // both negative: reversed
    end
  end
endmodule
