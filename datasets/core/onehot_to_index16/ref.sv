module RefModule(input [15:0] onehot, output reg [3:0] index, output reg error);
  integer i;
  reg [4:0] ones;
  reg [3:0] pos;
  always @* begin
    ones = 5'd0;
    pos = 4'd0;
    for (i = 0; i < 16; i = i + 1)
      if (onehot[i]) begin
        ones = ones + 5'd1;
        pos = i[3:0];
      end
    error = (ones != 5'd1);
    index = error ? 4'd0 : pos;
  end
endmodule
