module RefModule(input [7:0] dividend, input [7:0] divisor,
                 output reg [7:0] quotient, output reg [7:0] remainder);
  integer i;
  reg [8:0] r;
  always @* begin
    r = 9'd0;
    for (i = 7; i >= 0; i = i - 1) begin
      r = {r[7:0], dividend[i]};
      if (r >= {1'b0, divisor}) begin
        r = r - {1'b0, divisor};
        quotient[i] = 1'b1;
      end else
        quotient[i] = 1'b0;
    end
    remainder = r[7:0];
  end
endmodule
